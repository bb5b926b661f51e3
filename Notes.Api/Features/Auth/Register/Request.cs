namespace Notes.Api.Features.Auth.Register;

internal sealed class Request
{
    // A JSON null reads as empty, like a missing member, which the rules below refuse: it never reaches the hash or the database.
    public string Username { get; init => field = value ?? ""; } = "";
    public string Password { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            const string usernameRule = "Username must be 3-32 characters of letters, digits, '_', '.' or '-'.";
            RuleFor(r => r.Username)
                .Cascade(CascadeMode.Stop)
                .Length(3, 32).WithMessage(usernameRule)
                .Matches("^[A-Za-z0-9_.-]+$").WithMessage(usernameRule)
                // .NET's $ also matches before a final line break, which would let "name\n" past the pattern; this shuts that door, so the
                // pattern can stay within the regex subset every JSON Schema validator shares (no lookaround, no \z) for the OpenAPI document.
                .Must(username => !username.EndsWith('\n')).WithMessage(usernameRule);
            RuleFor(r => r.Password).MustBeHardToGuess(r => r.Username);
        }
    }
}
