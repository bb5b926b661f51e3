namespace Notes.Api.Features.Health.Live;

/// <summary>
/// Liveness: answers while the process serves HTTP, and touches nothing else. It is also the benchmark's floor, the cost of
/// the HTTP pipeline alone, which the other endpoints are measured against.
/// </summary>
internal sealed class Endpoint : EndpointWithoutRequest<Response>
{
    static readonly Response Alive = new("alive");

    public override void Configure()
    {
        Get("live");
        Group<HealthGroup>();
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "Alive while the process answers; asks nothing of MongoDB";
            s.Description = "Liveness: 200 while the process serves HTTP. It touches nothing else, so it stays up while the database is down.";
        });
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(Alive, ct);
}
