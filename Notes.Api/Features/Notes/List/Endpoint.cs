namespace Notes.Api.Features.Notes.List;

internal sealed class Endpoint(Data data) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("");
        Group<NotesGroup>();
        Description(d => d.WithMetadata(new AllowedValues("sort", Data.SortFields), new AllowedValues("order", Data.SortOrders.Keys)));
        Summary(s =>
        {
            s.Summary = "List your notes, a page at a time, newest change first unless asked otherwise";
            s.Description = "A page of your notes and the total of all that match. Search finds text in a title or description, " +
                "ignoring letter case and taking every character literally.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (page, total) = await data.FindPageAsync(req, ct);
        await Send.OkAsync(new Response(page, req.Page, req.PageSize, total), ct);
    }
}
