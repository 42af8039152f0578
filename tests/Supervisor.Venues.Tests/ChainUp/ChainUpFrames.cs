using System.IO.Compression;
using System.Text;
using Supervisor.Venues.ChainUp;
using Supervisor.Venues.Decoding;

namespace Supervisor.Venues.Tests.ChainUp;

/// <summary>Feeds frames to both decoding paths, so every field test also checks the fast reader and the DOM path agree.</summary>
internal static class ChainUpFrames
{
    public static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    /// <summary>
    /// Decodes <paramref name="frames"/> in order on two codecs (the codec remembers positions, so a sequence is the
    /// unit): one as the venue sends them (gzip, through whichever path the codec picks), one through
    /// <see cref="ChainUpCodec.DecodeGeneral"/> only. Asserts every step agrees and returns the last result.
    /// </summary>
    public static DecodeResult Both(params string[] frames)
    {
        var codec = new ChainUpCodec();
        var general = new ChainUpCodec();
        DecodeResult? last = null;
        foreach (var frame in frames)
        {
            var viaCodec = codec.Decode(Gzip(frame), isBinary: true);
            var viaGeneral = general.DecodeGeneral(Encoding.UTF8.GetBytes(frame));
            Assert.Equal(viaGeneral.Error?.Kind, viaCodec.Error?.Kind);
            Assert.Equal(viaGeneral.Events, viaCodec.Events);
            last = viaCodec;
        }
        return last!;
    }
}
