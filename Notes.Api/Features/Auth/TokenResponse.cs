namespace Notes.Api.Features.Auth;

/// <summary>What signing in, refreshing and changing the password answer: a bearer token, when it expires, and whose it is.</summary>
internal sealed record TokenResponse(string Token, string TokenType, DateTime ExpiresAt, TokenResponse.Account User)
{
    internal sealed record Account(string Id, string Username);

    public static TokenResponse Bearer(Infrastructure.Auth.IssuedToken issued, string userId, string username) =>
        new(issued.Token, "Bearer", issued.ExpiresAt, new Account(userId, username));
}
