namespace Notes.Api.Features.Auth.Register;

internal sealed class Request
{
    // A JSON null reads as empty, which the rules below refuse, instead of reaching the hash and the database as null.
    public string Username { get; init => field = value ?? ""; } = "";
    public string Password { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Username)
                .Matches("^[A-Za-z0-9_.-]{3,32}$")
                .WithMessage("Username must be 3-32 characters of letters, digits, '_', '.' or '-'.");
            RuleFor(r => r.Password)
                .Length(8, 128)
                .WithMessage("Password must be 8-128 characters.");
        }
    }
}
