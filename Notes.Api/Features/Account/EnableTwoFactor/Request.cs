namespace Notes.Api.Features.Account.EnableTwoFactor;

internal sealed record Request : SignedInRequest
{
    /// <summary>A current code from the authenticator app, made from the secret that setting up answered.</summary>
    public string Code { get; init => field = value ?? ""; } = "";

    internal sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(32);
    }
}
