namespace Notes.Api.Features.Auth.Login;

internal sealed class Request
{
    // A JSON null reads as empty, like a missing member, which the rules below refuse.
    public string Username { get; init => field = value ?? ""; } = "";
    public string Password { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        // Only the shape is checked here: which rule a wrong credential breaks is not for a client to learn.
        public Validator()
        {
            RuleFor(r => r.Username).NotEmpty().MaximumLength(32);
            RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
        }
    }
}
