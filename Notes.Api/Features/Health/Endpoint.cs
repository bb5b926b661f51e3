using MongoDB.Bson;

namespace Notes.Api.Features.Health;

internal sealed record Response(string Status);

internal sealed class Endpoint(IMongoDatabase database) : EndpointWithoutRequest<Response>
{
    static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    public override void Configure()
    {
        Get("/healthz");
        AllowAnonymous();
        Description(d => d.WithTags("Health").ProducesProblemDetails(StatusCodes.Status503ServiceUnavailable));
        Summary(s => s.Summary = "Healthy when MongoDB answers a ping");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException || Infrastructure.Mongo.MongoErrors.IsUnavailable(ex))
        {
            await Send.ResultAsync(TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable));
            return;
        }

        await Send.OkAsync(new Response("healthy"), ct);
    }
}
