using System.Buffers;
using System.IO.Compression;

namespace Supervisor.Venues.Decoding;

/// <summary>Inflates gzip with a hard output limit, so a gzip bomb costs at most the limit, never the bomb.</summary>
internal static class Gzip
{
    /// <returns>The inflated bytes, or null with <paramref name="error"/> set.</returns>
    public static byte[]? Inflate(ReadOnlySpan<byte> compressed, int maxBytes, out string? error)
    {
        var input = ArrayPool<byte>.Shared.Rent(compressed.Length);
        try
        {
            compressed.CopyTo(input);
            using var source = new MemoryStream(input, 0, compressed.Length, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            // Pushes inflate to a few times their compressed size: start there instead of growing from 256 bytes.
            using var output = new MemoryStream(Math.Min(maxBytes, Math.Max(256, compressed.Length * 4)));
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > maxBytes)
                    {
                        error = $"inflates past {maxBytes} bytes (gzip bomb?)";
                        return null;
                    }
                    output.Write(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            error = null;
            return output.ToArray();
        }
        catch (InvalidDataException cause)
        {
            error = "not valid gzip: " + cause.Message;
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }
}
