using System.Net;
using System.Text;
using System.Text.Json;
using Flopwise.Web.Tests.Support;

namespace Flopwise.Web.Tests;

/// <summary>
/// <c>hfConfig</c>: a Hugging Face config.json as an uploaded file (multipart) or as a text or object field of a JSON
/// body, on the calculators that take a model; the same shape as the CLI's <c>--hf-config</c>; at most 1 MB (else
/// 413); named by the upload's own name, never a server path.
/// </summary>
public sealed class HfConfigTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string Llama2_7b = """
        {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_attention_heads": 32,
         "num_hidden_layers": 32, "num_key_value_heads": 32, "vocab_size": 32000, "tie_word_embeddings": false}
        """;

    [Theory]
    [InlineData("model", "--seq 4096")]
    [InlineData("serve", "--gpu a100 --prompt-tokens 1024 --output-tokens 256")]
    [InlineData("train", "--tokens 2T --gpu h100 --gpus 64 --mfu 0.4")]
    [InlineData("memory", "--gpu h100 --gpus 8 --tp 8")]
    public async Task Upload_AnswersTheCliJsonOfTheSameFile(string command, string options)
    {
        string directory = Directory.CreateTempSubdirectory("flopwise-hf-").FullName;
        string path = Path.Combine(directory, "config.json");
        await File.WriteAllTextAsync(path, Llama2_7b);
        try
        {
            string commandLine = command + " " + options;
            (_, List<KeyValuePair<string, string>> fields) = CliRunner.ToWeb(commandLine);
            using HttpClient client = factory.CreateClient();
            using MultipartFormDataContent form = Form(fields, Llama2_7b, "config.json");
            string web = await Http.Ok(await client.PostAsync(new Uri("/api/" + command, UriKind.Relative), form));
            string cli = CliRunner.Json([.. commandLine.Split(' '), "--hf-config", path]);

            // The CLI names the file by the path it was given; the web by the upload's own name.
            Assert.Equal(cli.Replace(path, "config.json", StringComparison.Ordinal), web);
            Assert.DoesNotContain(directory, web, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task JsonTextAndObjectFields_AnswerAsTheUpload()
    {
        using HttpClient client = factory.CreateClient();
        using MultipartFormDataContent form = Form([new("seq", "2048")], Llama2_7b, "config.json");
        string upload = await Http.Ok(await client.PostAsync(new Uri("/api/model", UriKind.Relative), form));
        string text = await Http.Ok(await Http.PostJson(client, "/api/model", JsonSerializer.Serialize(new { hfConfig = Llama2_7b, seq = "2048" })));
        string obj = await Http.Ok(await Http.PostJson(client, "/api/model", "{\"seq\": 2048, \"hfConfig\": " + Llama2_7b + "}"));
        Assert.Equal(upload, text);
        Assert.Equal(upload, obj);
        Assert.Contains("\"parameters\": 6738415616", upload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverOneMegabyte_Answers413()
    {
        using HttpClient client = factory.CreateClient();
        string big = "{\"model_type\": \"llama\", \"padding\": \"" + new string('x', 1_200_000) + "\"}";
        using MultipartFormDataContent form = Form([new("gpu", "a100")], big, "config.json");
        HttpResponseMessage response = await client.PostAsync(new Uri("/api/serve", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_JustUnderTheLimit_IsRead()
    {
        using HttpClient client = factory.CreateClient();
        string padded = Llama2_7b.TrimEnd().TrimEnd('}') + ", \"padding\": \"" + new string('x', 900_000) + "\"}";
        using MultipartFormDataContent form = Form([], padded, "config.json");
        await Http.Ok(await client.PostAsync(new Uri("/api/model", UriKind.Relative), form));
    }

    [Theory]
    [InlineData("{\"model_type\": \"llama\", \"num_hidden_layers\": 32}", "hidden_size")]
    [InlineData("not json", "config.json")]
    [InlineData("/etc/passwd", "config.json")]
    public async Task BadConfig_IsAProblemOfHfConfig(string config, string mentioned)
    {
        using HttpClient client = factory.CreateClient();
        using MultipartFormDataContent form = Form([new("gpu", "a100")], config, "config.json");
        HttpResponseMessage response = await client.PostAsync(new Uri("/api/serve", UriKind.Relative), form);
        string body = await response.Content.ReadAsStringAsync();
        JsonElement error = Http.For(await Http.Problem(response), "hfConfig");
        Assert.Contains(mentioned, error.GetProperty("problem").GetString() + error.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigWithAPreset_IsAProblem()
    {
        using HttpClient client = factory.CreateClient();
        Http.For(await Http.Problem(await Http.PostJson(client, "/api/model", JsonSerializer.Serialize(new { model = "llama-2-7b", hfConfig = Llama2_7b }))), "model");
    }

    [Fact]
    public async Task UploadedName_KeepsNoDirectory()
    {
        using HttpClient client = factory.CreateClient();
        using MultipartFormDataContent form = Form([], Llama2_7b, "../../secret/dir/my-config.json");
        string json = await Http.Ok(await client.PostAsync(new Uri("/api/model", UriKind.Relative), form));
        Assert.Contains("\"my-config.json\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(IEnumerable<KeyValuePair<string, string>> fields, string config, string fileName)
    {
        var form = new MultipartFormDataContent();
        foreach ((string name, string value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(config));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(file, "hfConfig", fileName);
        return form;
    }
}
