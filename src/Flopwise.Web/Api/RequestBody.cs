using System.Text.Unicode;
using Flopwise.Inputs;

namespace Flopwise.Web.Api;

/// <summary>
/// Reads a request body for the calculators and the fit. A body that is broken in itself (a multipart form cut short
/// or without its boundary, a stream that ends early, bytes that are not UTF-8) is the user's input and answers 400 on
/// the field <c>body</c> (<see cref="InputException"/>); a body over its limit throws <see cref="TooLargeException"/>
/// (413). Nothing here lets the reader's own exceptions reach the server's 500 handler.
/// </summary>
internal static class RequestBody
{
    /// <summary>What a form body should be, for messages.</summary>
    public const string FormExpected = "a complete multipart/form-data body (or a JSON object)";

    /// <summary>Reads a form body (multipart or URL-encoded) with its files.</summary>
    /// <param name="request">The request.</param>
    /// <param name="expected">What the body should be, for the message (e.g. the fit names its CSV field).</param>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, string expected = FormExpected)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TooLargeException("body", (long?)null);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            // The form reader's own limits (multipart body length, value count).
            throw new TooLargeException("body", (long?)null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // InvalidDataException: a malformed multipart section; IOException: "Unexpected end of Stream" of a part
            // cut short or a body with no boundary; BadHttpRequestException: the server could not read the body.
            throw InputException.From(new FieldError("body", "is not a readable form: " + e.Message, request.ContentType ?? "no content type", expected));
        }
    }

    /// <summary>Reads the whole body as bytes, at most <paramref name="maxBytes"/>, and checks that it is UTF-8.</summary>
    public static async Task<byte[]> ReadUtf8Async(HttpRequest request, long maxBytes, string expected)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new TooLargeException("body", (long?)null);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TooLargeException("body", (long?)null);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            throw InputException.From(new FieldError("body", "could not be read: " + e.Message, request.ContentType ?? "no content type", expected));
        }

        byte[] bytes = buffer.ToArray();
        return Utf8.IsValid(bytes) ? bytes : throw InputException.From(new FieldError("body", "is not valid UTF-8", "the request body", expected));
    }
}
