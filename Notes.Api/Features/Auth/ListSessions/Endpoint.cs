namespace Notes.Api.Features.Auth.ListSessions;

internal sealed class Endpoint(Data data, TimeProvider clock) : Endpoint<Request, List<Response>>
{
    public override void Configure()
    {
        Get("sessions");
        Group<AuthGroup>();
        Summary(s =>
        {
            s.Summary = "List your live sessions, newest first";
            s.Description = "Every session of yours that has not expired or ended: when it started and ends, the client it started for " +
                "(its browser and system in a few words, and its address), and which one is this token's.";
            s.Responses[StatusCodes.Status200OK] = "Your live sessions, newest first; current marks this token's.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var live = await data.FindLiveAsync(req.UserId, clock.GetUtcNow().UtcDateTime, ct);
        await Send.OkAsync(live.ConvertAll(s => new Response(s.Id, s.CreatedAt, s.ExpiresAt, s.Client, s.ClientAddress, s.Id == req.SessionId)), ct);
    }
}
