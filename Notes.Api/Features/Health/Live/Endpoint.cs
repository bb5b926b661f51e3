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
        Get("/healthz/live");
        AllowAnonymous();
        // Tagged like /healthz, not by its last path segment as the API's own routes are.
        DontAutoTag();
        Description(d => d.WithTags("Health"));
        Summary(s => s.Summary = "Alive while the process answers; asks nothing of MongoDB");
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(Alive, ct);
}
