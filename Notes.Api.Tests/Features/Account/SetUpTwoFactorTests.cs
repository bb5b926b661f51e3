using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;
using OtpNet;

namespace Notes.Api.Tests.Features.Account;

public sealed class SetUpTwoFactorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task SetUp_returns_200_with_a_160_bit_base32_secret_its_otpauth_uri_and_a_QR_code_as_SVG()
    {
        var user = await api.SignedInUserAsync();

        var response = await user.SetUpTwoFactorAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.JsonAsync()).AsObject();
        Assert.Equal(["secret", "otpauthUri", "qrCodeSvg"], body.Select(p => p.Key));
        var secret = body["secret"]!.GetValue<string>();
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        Assert.Equal($"otpauth://totp/NotesSlices:{user.Username}?secret={secret}&issuer=NotesSlices", body["otpauthUri"]!.GetValue<string>());
        var svg = body["qrCodeSvg"]!.GetValue<string>();
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.False((await (await user.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SetUp_keeps_the_secret_encrypted_never_in_plain_text()
    {
        var user = await api.SignedInUserAsync();

        var secret = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();

        var stored = await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users).Find(new BsonDocument("_id", ObjectId.Parse(user.Id))).SingleAsync();
        var text = stored.ToJson();
        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Base32Encoding.ToBytes(secret)), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Base32Encoding.ToBytes(secret)), text, StringComparison.OrdinalIgnoreCase);
        Assert.True(stored.Contains("pendingTwoFactorSecret"));
        Assert.True(await api.Mongo().GetCollection<BsonDocument>(CollectionNames.DataProtectionKeys).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty) > 0);
    }

    [Fact]
    public async Task SetUp_again_replaces_the_pending_secret_so_only_the_newest_can_be_confirmed()
    {
        var user = await api.SignedInUserAsync();
        var first = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();

        var second = (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();

        Assert.NotEqual(first, second);
        await (await user.EnableTwoFactorAsync(api.CurrentCode(first))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        Assert.Equal(HttpStatusCode.OK, (await user.EnableTwoFactorAsync(api.CurrentCode(second))).StatusCode);
    }

    [Fact]
    public async Task SetUp_once_two_step_sign_in_is_on_returns_409_and_never_shows_or_replaces_the_enabled_secret()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        var response = await twoFactor.User.SetUpTwoFactorAsync();

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "two_factor_already_enabled");
        Assert.DoesNotContain(twoFactor.Secret, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, api.NextCode(twoFactor.Secret))).StatusCode);
    }

    [Fact]
    public async Task SetUp_without_a_token_returns_401()
    {
        await (await api.CreateClient().PostAsync("/api/account/two-factor/setup", null)).ProblemAsync(HttpStatusCode.Unauthorized, "auth_required");
    }
}
