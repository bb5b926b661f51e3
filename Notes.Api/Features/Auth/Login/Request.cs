namespace Notes.Api.Features.Auth.Login;

internal sealed class Request
{
    // A JSON null reads as empty, like a missing member, which the rules below refuse.
    public string Username { get; init => field = value ?? ""; } = "";
    public string Password { get; init => field = value ?? ""; } = "";

    /// <summary>With two-step sign-in on: a current code from the authenticator app, or an unused recovery code.</summary>
    /// <remarks>Optional, so nullable: a null or missing code reads as none.</remarks>
    public string? Code { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        // Only the shape is checked here: which rule a wrong credential breaks is not for a client to learn.
        public Validator()
        {
            RuleFor(r => r.Username).NotEmpty().MaximumLength(32);
            RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
            RuleFor(r => r.Code).MaximumLength(32);
        }
    }
}
