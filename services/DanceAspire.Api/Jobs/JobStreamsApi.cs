using System.Globalization;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DanceAspire.Api.Accounts;
using DanceAspire.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Jobs;

/// <summary>
/// GET /api/v1/jobs/{id}/events (Server-Sent Events) and /api/v1/jobs/{id}/ws (WebSocket): the same
/// stream of <see cref="JobProgressEvent"/>s from <see cref="JobWatcher"/>. Both take the token as an
/// <c>access_token</c> query parameter too, since browsers cannot set headers on them.
/// </summary>
internal static class JobStreamsApi
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    public static void MapJobStreams(RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{id:guid}/events", StreamEvents)
            .AllowAccessTokenInQuery()
            .WithName("StreamJobEvents")
            .WithSummary("Server-Sent Events: the job's current state, then each update until it ends.")
            .Produces<JobProgressEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{id:guid}/ws", StreamOverWebSocket)
            .AllowAccessTokenInQuery()
            .WithName("StreamJobEventsOverWebSocket")
            .WithSummary("WebSocket: the job's current state, then each update until it ends, as JSON text messages.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<ServerSentEventsResult<JobProgressEvent>, ProblemHttpResult>> StreamEvents(
        Guid id, Caller caller, DanceDbContext db, JobWatcher watcher, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(db, id, caller, cancellationToken))
        {
            return JobsApi.NoSuchJob(id);
        }
        return TypedResults.ServerSentEvents(AsSseItems(watcher.WatchAsync(id, cancellationToken), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JobProgressEvent>> AsSseItems(
        IAsyncEnumerable<JobProgressEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var progress in events.WithCancellation(cancellationToken))
        {
            yield return new SseItem<JobProgressEvent>(progress, progress.Type) { EventId = progress.Sequence.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamOverWebSocket(
        Guid id, Caller caller, HttpContext http, DanceDbContext db, JobWatcher watcher, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket expected",
                detail: "This endpoint speaks WebSocket: send a WebSocket upgrade request (or use /events for Server-Sent Events).");
        }
        if (!await IsVisibleAsync(db, id, caller, cancellationToken))
        {
            return JobsApi.NoSuchJob(id);
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clientClosed = WaitForCloseAsync(socket, connection);
        try
        {
            await foreach (var progress in watcher.WatchAsync(id, connection.Token))
            {
                var message = JsonSerializer.SerializeToUtf8Bytes(progress, json.Value.SerializerOptions);
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, connection.Token);
            }
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "job ended", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException || (ex is OperationCanceledException && connection.IsCancellationRequested))
        {
            // The client went away.
        }
        // Give the client a moment to answer the close handshake, then stop reading.
        connection.CancelAfter(CloseHandshakeTimeout);
        await clientClosed;
        return TypedResults.Empty;
    }

    /// <summary>Reads (and ignores) what the client sends, to notice when it closes; then stops the stream.</summary>
    private static async Task WaitForCloseAsync(WebSocket socket, CancellationTokenSource connection)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, connection.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        await connection.CancelAsync();
    }

    private static Task<bool> IsVisibleAsync(DanceDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        db.Jobs.VisibleTo(caller).AnyAsync(j => j.Id == id, cancellationToken);
}
