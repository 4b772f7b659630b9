using System.Net;
using System.Text;
using System.Text.Json;

namespace Flopwise.Web.Tests.Support;

/// <summary>Requests to the in-memory app: GET with a query string, POST with a JSON body, and their checks.</summary>
public static class Http
{
    public static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public static Task<HttpResponseMessage> Get(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.GetAsync(new Uri(path + "?" + Query(fields), UriKind.Relative));

    public static Task<HttpResponseMessage> Get(HttpClient client, string pathAndQuery) =>
        client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));

    /// <summary>POSTs the fields as a JSON object (a repeated field becomes an array of strings).</summary>
    public static Task<HttpResponseMessage> Post(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(f => f.Value).ToArray());
        return PostJson(client, path, JsonSerializer.Serialize(body));
    }

    public static async Task<HttpResponseMessage> PostJson(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Asserts a 200 JSON answer and returns its text.</summary>
    public static async Task<string> Ok(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    /// <summary>Asserts a 400 problem+json answer and returns its <c>fields</c> entries.</summary>
    public static async Task<List<JsonElement>> Problem(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument document = JsonDocument.Parse(text);
        Assert.Equal(400, document.RootElement.GetProperty("status").GetInt32());
        var fields = document.RootElement.GetProperty("fields").EnumerateArray().Select(e => e.Clone()).ToList();
        Assert.NotEmpty(fields);
        foreach (JsonElement field in fields)
        {
            Assert.False(string.IsNullOrEmpty(field.GetProperty("field").GetString()));
            Assert.False(string.IsNullOrEmpty(field.GetProperty("problem").GetString()));
            Assert.NotNull(field.GetProperty("value").GetString());
            Assert.False(string.IsNullOrEmpty(field.GetProperty("expected").GetString()));
        }

        return fields;
    }

    /// <summary>The one problem entry for <paramref name="field"/>.</summary>
    public static JsonElement For(List<JsonElement> fields, string field) =>
        Assert.Single(fields, f => f.GetProperty("field").GetString() == field);
}
