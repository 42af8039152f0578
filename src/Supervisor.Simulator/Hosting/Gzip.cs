using System.IO.Compression;
using System.Text;

namespace Supervisor.Simulator.Hosting;

/// <summary>Gzip helpers for ChainUP framing and the gzip-bomb fault.</summary>
internal static class Gzip
{
    public static byte[] Compress(string json)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(Encoding.UTF8.GetBytes(json));
        return ms.ToArray();
    }

    /// <summary>About 64 KiB on the wire that inflates to 64 MiB of spaces.</summary>
    public static byte[] Bomb()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize))
        {
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 64; i++) gz.Write(chunk);
        }
        return ms.ToArray();
    }
}
