using System.Net;
using System.Net.Sockets;
using DanceAspire.Choreography.Descriptions;
using DanceAspire.Choreography.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DanceAspire.Choreography.Tests.Descriptions;

public class OpenAiDescriptionInterpreterTests
{
    private const string Description = "an easy, chill 30 second hip hop routine to Vibe Ace";

    private static OpenAiDescriptionInterpreter Interpreter(string baseUrl, ILogger<OpenAiDescriptionInterpreter>? logger = null, HttpMessageHandler? handler = null) =>
        new(handler is null ? new HttpClient() : new HttpClient(handler), Options.Create(new ChoreographyLlmOptions { BaseUrl = baseUrl, ApiKey = "test", Timeout = TimeSpan.FromSeconds(5) }),
            logger ?? NullLogger<OpenAiDescriptionInterpreter>.Instance);

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back_to_the_built_in_parser_and_logs_why()
    {
        var logger = new RecordingLogger();

        var hints = await Interpreter($"http://127.0.0.1:{ClosedPort()}/v1", logger).InterpretAsync(Description);

        Assert.Equal(DescriptionParser.Parse(Description), hints);
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("built-in parser", warning);
    }

    [Fact]
    public async Task A_base_url_that_is_not_a_url_falls_back_to_the_built_in_parser()
    {
        var hints = await Interpreter("not a url").InterpretAsync(Description);

        Assert.Equal(DescriptionParser.Parse(Description), hints);
    }

    [Fact]
    public async Task Without_a_base_url_the_built_in_parser_answers_and_nothing_is_logged()
    {
        var logger = new RecordingLogger();

        var hints = await Interpreter("", logger).InterpretAsync(Description);

        Assert.Equal(DescriptionParser.Parse(Description), hints);
        Assert.Empty(logger.Messages);
    }

    [Fact]
    public async Task A_model_reply_is_read_field_by_field_and_bad_fields_become_null()
    {
        const string reply = """
            {"choices":[{"message":{"role":"assistant","content":"{\"difficulty\": 9, \"energy\": \"HIGH\", \"style\": \"Hip-Hop\", \"tempo_bpm\": 128, \"song_title\": \"Vibe Ace\", \"duration_seconds\": \"thirty\"}"}}]}
            """;
        var handler = new CannedReply(HttpStatusCode.OK, reply);

        var hints = await Interpreter("http://llm.invalid/v1", handler: handler).InterpretAsync("anything");

        Assert.Equal(new ChoreographyHints(null, EnergyLevel.High, "hiphop", 128, "Vibe Ace", null), hints);
        Assert.Equal("http://llm.invalid/v1/chat/completions", handler.Request?.RequestUri?.ToString());
        Assert.Equal("Bearer test", handler.Request?.Headers.Authorization?.ToString());
        Assert.Contains("\"json_object\"", handler.Body);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"choices":[{"message":{"content":"not json"}}]}""")]
    [InlineData(HttpStatusCode.OK, """{"choices":[{"message":{"content":"[1, 2]"}}]}""")]
    [InlineData(HttpStatusCode.OK, """{"choices":[]}""")]
    [InlineData(HttpStatusCode.OK, "<html>gateway</html>")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"error":{"message":"quota"}}""")]
    public async Task A_reply_without_a_json_object_of_hints_falls_back_to_the_built_in_parser(HttpStatusCode status, string reply)
    {
        var logger = new RecordingLogger();

        var hints = await Interpreter("http://llm.invalid/v1", logger, new CannedReply(status, reply)).InterpretAsync(Description);

        Assert.Equal(DescriptionParser.Parse(Description), hints);
        Assert.Single(logger.Messages);
    }

    /// <summary>Answers every request with one canned response, and keeps the request to look at.</summary>
    private sealed class CannedReply(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }

    private sealed class RecordingLogger : ILogger<OpenAiDescriptionInterpreter>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
