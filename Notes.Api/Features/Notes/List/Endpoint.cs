namespace Notes.Api.Features.Notes.List;

internal sealed class Endpoint(Data data) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/notes");
        Summary(s => s.Summary = "List your notes, a page at a time, newest change first unless asked otherwise");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (page, total) = await data.FindPageAsync(req, ct);
        await Send.OkAsync(new Response(page, req.Page, req.PageSize, total), ct);
    }
}
