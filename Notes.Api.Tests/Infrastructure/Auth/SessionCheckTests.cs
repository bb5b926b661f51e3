using System.Security.Claims;

using Microsoft.IdentityModel.JsonWebTokens;

using MongoDB.Bson;
using MongoDB.Bson.Serialization;

using Notes.Api.Entities;

namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>
/// Tokens the JWT handler accepts (signed with the app's key, within their lifetime) that must still be refused because their
/// session or user no longer stands. Forged tokens are <see cref="TokenAttackTests"/>; the check's reach is <see cref="AccessControlTests"/>.
/// </summary>
public sealed class SessionCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// The stored names the check's query is written with (BSON, built once), and those the two-step codes are spent by, are the
    /// names the driver maps the entities to.
    /// </summary>
    [Theory]
    [InlineData(typeof(Session), nameof(Session.Id), "_id")]
    [InlineData(typeof(Session), nameof(Session.UserId), "userId")]
    [InlineData(typeof(Session), nameof(Session.ExpiresAt), "expiresAt")]
    [InlineData(typeof(User), nameof(User.Id), "_id")]
    [InlineData(typeof(User), nameof(User.DeletingSince), "deletingSince")]
    [InlineData(typeof(User), nameof(User.TwoFactor), "twoFactor")]
    [InlineData(typeof(TwoFactor), nameof(TwoFactor.LastUsedStep), "lastUsedStep")]
    [InlineData(typeof(TwoFactor), nameof(TwoFactor.RecoveryCodes), "recoveryCodes")]
    public void The_session_query_names_the_fields_as_they_are_stored(Type entity, string member, string storedName)
    {
        _ = api.Service<IMongoClient>(); // the app's conventions are registered with its client

        Assert.Equal(storedName, BsonClassMap.LookupClassMap(entity).GetMemberMap(member).ElementName);
    }

    [Fact]
    public async Task A_refused_token_changes_nothing()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        var response = await user.Client.PostAsJsonAsync("/api/notes", new { title = "written after logout", description = "" });

        await response.TokenRefusedAsync("Token has been revoked");
        Assert.Equal(0, await api.Service<IMongoCollection<Note>>().CountDocumentsAsync(n => n.OwnerId == user.Id));
    }

    [Fact]
    public async Task A_token_without_a_session_id_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([new Claim("sub", user.Id), new Claim("name", user.Username)]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_without_a_user_id_returns_401_Invalid_token()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([new Claim("jti", sessionId), new Claim("name", user.Username)]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("jti")]
    public async Task A_token_whose_ids_are_not_object_ids_returns_401_Invalid_token(string claim)
    {
        var user = await api.SignedInUserAsync();
        var issued = new JsonWebToken(user.Token);

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", claim == "sub" ? "not-an-object-id" : issued.Subject),
            new Claim("jti", claim == "jti" ? "not-an-object-id" : issued.Id),
            new Claim("name", user.Username),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Invalid token");
    }

    [Fact]
    public async Task A_token_whose_session_has_expired_in_the_database_returns_401_Token_has_expired()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;
        await api.Service<IMongoCollection<Session>>()
            .UpdateOneAsync(s => s.Id == sessionId, Builders<Session>.Update.Set(s => s.ExpiresAt, api.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has expired");
    }

    [Fact]
    public async Task A_token_whose_session_was_deleted_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        var sessionId = new JsonWebToken(user.Token).Id;
        await api.Service<IMongoCollection<Session>>().DeleteOneAsync(s => s.Id == sessionId);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task A_token_whose_session_id_names_no_session_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, user, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", user.Id), new Claim("name", user.Username), new Claim("jti", ObjectId.GenerateNewId().ToString()),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
    }

    [Fact]
    public async Task A_token_naming_another_users_session_returns_401_Token_has_been_revoked()
    {
        var victim = await api.SignedInUserAsync();
        var attacker = await api.SignedInUserAsync();

        var token = Tokens.Mint(api, attacker, d => d.Subject = new ClaimsIdentity([
            new Claim("sub", attacker.Id), new Claim("name", attacker.Username), new Claim("jti", new JsonWebToken(victim.Token).Id),
        ]));

        await (await api.ClientWithToken(token).GetAsync("/api/auth/me")).TokenRefusedAsync("Token has been revoked");
        Assert.Equal(HttpStatusCode.OK, (await victim.Client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_for_a_deleted_user_returns_401_Token_has_been_revoked()
    {
        var user = await api.SignedInUserAsync();
        await api.Service<IMongoCollection<User>>().DeleteOneAsync(u => u.Id == user.Id);

        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has been revoked");
    }
}

public sealed class SessionExpiryTests(SessionExpiryTests.Factory api) : IClassFixture<SessionExpiryTests.Factory>
{
    /// <summary>Sessions that last two seconds, far inside the JWT's 30-second clock skew.</summary>
    public class Factory : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Auth:TokenLifetime"] = "00:00:02" };
    }

    [Fact]
    public async Task A_token_whose_session_has_expired_returns_401_Token_has_expired_while_the_JWT_is_inside_the_clock_skew()
    {
        var user = await api.SignedInUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/auth/me")).StatusCode);

        api.Clock.Advance(TimeSpan.FromSeconds(3));
        var response = await user.Client.GetAsync("/api/auth/me");

        await response.TokenRefusedAsync("Token has expired");
        Assert.True(new JsonWebToken(user.Token).ValidTo > DateTime.UtcNow.AddSeconds(-30), "the JWT alone would still be accepted");
    }
}
