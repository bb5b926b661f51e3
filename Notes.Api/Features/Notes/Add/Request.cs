namespace Notes.Api.Features.Notes.Add;

internal sealed record Request : NoteContent
{
    internal sealed class Validator : Validator<Request>
    {
        public Validator() => Include(new Rules());
    }
}
