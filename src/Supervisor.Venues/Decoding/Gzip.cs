using System.Buffers;
using System.IO.Compression;

namespace Supervisor.Venues.Decoding;

/// <summary>Inflates gzip with a hard output limit, so a gzip bomb costs at most the limit, never the bomb.</summary>
internal static class Gzip
{
    /// <summary>
    /// Inflates into a buffer rented from the shared pool (the caller returns it once done with the bytes), growing it
    /// up to <paramref name="maxBytes"/>; returns null with <paramref name="error"/> set when the input is not gzip or
    /// inflates past the limit.
    /// </summary>
    public static byte[]? InflateRented(ReadOnlySpan<byte> compressed, int maxBytes, out int length, out string? error)
    {
        length = 0;
        var input = ArrayPool<byte>.Shared.Rent(compressed.Length);
        // Pushes inflate to a few times their compressed size: start there instead of growing from nothing.
        var output = ArrayPool<byte>.Shared.Rent(Math.Clamp(compressed.Length * 4, 256, Math.Max(256, maxBytes)));
        try
        {
            compressed.CopyTo(input);
            using var source = new MemoryStream(input, 0, compressed.Length, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            // Reading one byte past the limit is how a bomb shows itself without inflating any more of it.
            var cap = maxBytes + 1;
            while (true)
            {
                if (length == output.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(cap, output.Length * 2));
                    output.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(output);
                    output = larger;
                }
                var read = gzip.Read(output, length, Math.Min(output.Length, cap) - length);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > maxBytes)
                {
                    error = $"inflates past {maxBytes} bytes (gzip bomb?)";
                    return Release(output);
                }
            }
            error = null;
            return output;
        }
        catch (InvalidDataException cause)
        {
            error = "not valid gzip: " + cause.Message;
            return Release(output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static byte[]? Release(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        return null;
    }
}
