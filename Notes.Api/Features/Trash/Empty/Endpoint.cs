using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Trash.Empty;

internal sealed class Endpoint(Data data, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("");
        Group<TrashGroup>();
        Summary(s =>
        {
            s.Summary = "Empty your trash";
            s.Description = "Deletes every note in your trash for good, and only those: notes in use and archived ones stay.";
            s.Responses[StatusCodes.Status200OK] = "How many notes were deleted (0 when the trash was empty).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.OkAsync(new Response(await data.DeleteTrashedAsync(req.UserId, clock.UtcNowForMongo(), ct)), ct);
}
