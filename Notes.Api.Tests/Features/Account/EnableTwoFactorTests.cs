using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Tests.Features.Account;

public sealed class EnableTwoFactorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A second API instance on the first one's database, as behind a load balancer.</summary>
    sealed class SecondInstance(ApiFactory first) : ApiFactory
    {
        protected override Dictionary<string, string> Settings => new(base.Settings) { ["Mongo:Database"] = first.Database };
    }

    [Fact]
    public async Task A_secret_set_up_on_one_instance_is_read_by_another_through_the_key_ring_in_the_database()
    {
        var user = await api.SignedInUserAsync();
        var secret = await SecretAsync(user);
        await using var second = new SecondInstance(api);
        await second.InitializeAsync();

        Assert.Equal(HttpStatusCode.OK, (await second.ClientWithToken(user.Token).PostAsJsonAsync("/api/account/two-factor/enable", new { code = api.CurrentCode(secret) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.LoginAsync(user.Username, user.Password, api.NextCode(secret))).StatusCode);
    }

    [Fact]
    public async Task Enable_with_a_current_code_returns_200_with_ten_distinct_recovery_codes_and_turns_two_step_sign_in_on()
    {
        var user = await api.SignedInUserAsync();
        var secret = await SecretAsync(user);

        var response = await user.EnableTwoFactorAsync(api.CurrentCode(secret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.JsonAsync()).AsObject();
        Assert.Equal(["recoveryCodes"], body.Select(p => p.Key));
        var codes = body["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$", code));
        Assert.True((await (await user.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
        await (await api.LoginAsync(user.Username, user.Password)).ProblemAsync(HttpStatusCode.Unauthorized, "two_factor_required");
    }

    [Fact]
    public async Task Enable_stores_the_recovery_codes_only_as_hashes_and_the_secret_only_encrypted()
    {
        var user = await api.SignedInUserAsync();
        var secret = await SecretAsync(user);

        var codes = (await (await user.EnableTwoFactorAsync(api.CurrentCode(secret))).JsonAsync())["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>());

        var stored = (await api.Mongo().GetCollection<BsonDocument>(CollectionNames.Users).Find(new BsonDocument("_id", ObjectId.Parse(user.Id))).SingleAsync()).ToJson();
        Assert.All(codes, code =>
        {
            Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pendingTwoFactorSecret", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("two steps back")]
    [InlineData("two steps ahead")]
    [InlineData("abcdef")]
    public async Task Enable_with_a_wrong_code_returns_400_invalid_code_naming_it_and_leaves_two_step_sign_in_off(string code)
    {
        api.AlignToStepStart();
        var user = await api.SignedInUserAsync();
        var secret = await SecretAsync(user);
        code = code switch
        {
            "two steps back" => TwoFactorCalls.CodeAt(secret, api.Clock.GetUtcNow().AddSeconds(-60)),
            "two steps ahead" => TwoFactorCalls.CodeAt(secret, api.Clock.GetUtcNow().AddSeconds(60)),
            "000000" when api.CurrentCode(secret) == "000000" => "111111",
            _ => code,
        };

        var response = await user.EnableTwoFactorAsync(code);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");
        Assert.Equal(["code"], problem.ErrorFields());
        Assert.False((await (await user.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(user.Username, user.Password)).StatusCode);
    }

    [Theory]
    [InlineData(-30)]
    [InlineData(30)]
    public async Task Enable_accepts_a_code_one_step_early_or_late(int seconds)
    {
        api.AlignToStepStart();
        var user = await api.SignedInUserAsync();
        var secret = await SecretAsync(user);

        var response = await user.EnableTwoFactorAsync(TwoFactorCalls.CodeAt(secret, api.Clock.GetUtcNow().AddSeconds(seconds)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Enable_without_a_code_returns_400_validation_failed_naming_it()
    {
        var user = await api.SignedInUserAsync();
        await SecretAsync(user);

        var problem = await (await user.Client.PostAsJsonAsync("/api/account/two-factor/enable", new { })).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["code"], problem.ErrorFields());
    }

    [Fact]
    public async Task Enable_without_a_setup_returns_409_two_factor_not_set_up()
    {
        var user = await api.SignedInUserAsync();

        await (await user.EnableTwoFactorAsync("123456")).ProblemAsync(HttpStatusCode.Conflict, "two_factor_not_set_up");
    }

    [Fact]
    public async Task Enable_when_already_on_returns_409_two_factor_already_enabled_and_keeps_the_recovery_codes()
    {
        var twoFactor = await api.TwoFactorUserAsync();

        await (await twoFactor.User.EnableTwoFactorAsync(api.NextCode(twoFactor.Secret))).ProblemAsync(HttpStatusCode.Conflict, "two_factor_already_enabled");

        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(twoFactor.User.Username, twoFactor.User.Password, twoFactor.RecoveryCodes[0])).StatusCode);
    }

    [Fact]
    public async Task Enable_with_another_users_secret_is_refused_their_setup_is_their_own()
    {
        var alice = await api.SignedInUserAsync();
        var bob = await api.SignedInUserAsync();
        var alicesSecret = await SecretAsync(alice);
        await SecretAsync(bob);

        await (await bob.EnableTwoFactorAsync(api.CurrentCode(alicesSecret))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_code");

        Assert.Equal(HttpStatusCode.OK, (await alice.EnableTwoFactorAsync(api.CurrentCode(alicesSecret))).StatusCode);
        Assert.False((await (await bob.Client.GetAsync("/api/account")).JsonAsync())["twoFactorEnabled"]!.GetValue<bool>());
    }

    async Task<string> SecretAsync(TestUser user) => (await (await user.SetUpTwoFactorAsync()).JsonAsync())["secret"]!.GetValue<string>();
}
