using Tag = Notes.Api.Features.Notes.Tag;

namespace Notes.Api.Features.Tags.Rename;

internal sealed record Request : SignedInRequest
{
    /// <summary>The tag to rename, as the route names it.</summary>
    public string Name { get; init; } = "";

    /// <summary>The body on its own, since its <c>name</c> (the new one) would otherwise be bound over by the route's.</summary>
    [FromBody]
    public Body Renamed { get; init => field = value ?? new(); } = new();

    internal sealed record Body
    {
        /// <summary>The tag's new name: letters of any script, digits, -, _ and / (to nest: job/clients). Stored in lower case.</summary>
        public string Name { get; init => field = value ?? ""; } = "";
    }

    internal sealed class Validator : Validator<Request>
    {
        public Validator() =>
            RuleFor(r => r.Renamed.Name)
                .Must(name => Tag.Flaw(Tag.Normalize(name)) is null).WithMessage(r => $"Name \"{r.Renamed.Name}\" {Tag.Flaw(Tag.Normalize(r.Renamed.Name))}.")
                .OverridePropertyName("name");
    }
}
