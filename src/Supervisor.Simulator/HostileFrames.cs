using System.IO.Compression;
using System.Text;
using Supervisor.Simulator.ChainUp;

namespace Supervisor.Simulator;

/// <summary>Frames that test the client's limits: larger than a venue frame should be, or gzip that inflates far past it.</summary>
internal static class HostileFrames
{
    public const int DefaultOversizedBytes = 2 * 1024 * 1024;
    public const int DefaultBombBytes = 20 * 1024 * 1024;
    public const int MaxBytes = 256 * 1024 * 1024;

    /// <summary>
    /// A well-formed frame of at least <paramref name="bytes"/> bytes on the wire, in the venue's framing: CoinW text
    /// JSON, ChainUP gzip stored without compression (so its compressed size is the size asked for).
    /// </summary>
    public static (byte[] Frame, bool Binary) Oversized(bool chainUp, int bytes)
    {
        var head = chainUp ? "{\"channel\":\"order\",\"pad\":\"" : "{\"biz\":\"futures\",\"type\":\"order\",\"data\":[],\"pad\":\"";
        var json = head + new string('x', Math.Max(0, bytes - head.Length - 2)) + "\"}";
        return chainUp ? (ChainUpFrames.Gzip(json, CompressionLevel.NoCompression), true) : (Encoding.UTF8.GetBytes(json), false);
    }

    /// <summary>A small binary gzip frame that inflates to <paramref name="inflatedBytes"/> of JSON padding.</summary>
    public static byte[] GzipBomb(int inflatedBytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write("{\"channel\":\"order\",\"pad\":\""u8);
            var zeros = new byte[64 * 1024];
            Array.Fill(zeros, (byte)'0');
            for (var left = inflatedBytes; left > 0; left -= zeros.Length)
            {
                gzip.Write(zeros, 0, Math.Min(left, zeros.Length));
            }
            gzip.Write("\"}"u8);
        }
        return output.ToArray();
    }
}
