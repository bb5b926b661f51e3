namespace Notes.Api.Features.Account.EnableTwoFactor;

/// <summary>The recovery codes, each good for one sign-in without the app: shown this once, stored only as hashes.</summary>
internal sealed record Response(string[] RecoveryCodes);
