using MongoDB.Bson;

namespace Notes.Api.Features.Health;

internal sealed record Response(string Status);

internal sealed class Endpoint(IMongoDatabase database) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("");
        Group<HealthGroup>();
        AllowAnonymous();
        Description(d => d.ProducesProblems(StatusCodes.Status503ServiceUnavailable));
        Summary(s =>
        {
            s.Summary = "Healthy when MongoDB answers a ping";
            s.Description = "Readiness: 200 while MongoDB answers a ping, 503 while it does not, within the database timeout.";
            s.Responses[StatusCodes.Status503ServiceUnavailable] = "MongoDB does not answer; try again after Retry-After.";
            s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status503ServiceUnavailable));
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // The client's timeouts (MongoSetup) bound the ping, so an unreachable database answers 503 within seconds.
        try
        {
            await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct);
        }
        catch (Exception ex) when (Infrastructure.Mongo.MongoErrors.IsUnavailable(ex))
        {
            await Send.ResultAsync(Problems.Of(StatusCodes.Status503ServiceUnavailable, ProblemCodes.DatabaseUnavailable));
            return;
        }

        await Send.OkAsync(new Response("healthy"), ct);
    }
}
