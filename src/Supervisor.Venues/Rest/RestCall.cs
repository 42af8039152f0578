using System.Net.Http.Headers;

namespace Supervisor.Venues.Rest;

/// <summary>Sends one signed GET and reads the body within a size limit; transport failures become typed errors.</summary>
internal static class RestCall
{
    public static async Task<(int Status, byte[]? Body, RestError? Error)> GetAsync(HttpClient http, Uri baseUri, SignedRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, request.PathAndQuery));
        foreach (var (name, value) in request.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-type", StringComparison.Ordinal))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return ((int)response.StatusCode, null, new RestError(RestErrorKind.TooLarge, $"response of {response.Content.Headers.ContentLength} bytes is larger than {maxBytes}"));
            }
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return ((int)response.StatusCode, null, new RestError(RestErrorKind.TooLarge, $"response larger than {maxBytes} bytes"));
                }
                buffer.Write(chunk, 0, read);
            }
            return ((int)response.StatusCode, buffer.ToArray(), null);
        }
        catch (HttpRequestException e)
        {
            return (0, null, new RestError(RestErrorKind.VenueError, $"{request.Method} {request.PathAndQuery}: {e.Message}"));
        }
    }
}
