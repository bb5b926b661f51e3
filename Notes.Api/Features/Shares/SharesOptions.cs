namespace Notes.Api.Features.Shares;

internal sealed class SharesOptions
{
    public const string Section = "Shares";

    /// <summary>How many links one client address may open in a minute, without an account: a bound on guessing and on scraping.</summary>
    public int ReadsPerMinute { get; set; } = 60;
}

internal static class SharesSetup
{
    public static IServiceCollection AddShares(this IServiceCollection services)
    {
        services.AddOptions<SharesOptions>()
            .BindConfiguration(SharesOptions.Section)
            .Validate(o => o.ReadsPerMinute > 0, "Shares:ReadsPerMinute must be positive")
            .ValidateOnStart();
        return services;
    }
}
