namespace Notes.Api.Features.Transfer.Import;

internal sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The most bytes one upload may hold: the whole file is read into memory, hashed and parsed there.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most entries a zip may hold, folders included, judged from its central directory before anything is expanded.</summary>
    public int MaxFiles { get; set; } = 5_000;

    /// <summary>The most bytes a zip's entries may expand to, all together: declared, and counted again as they are inflated.</summary>
    public long MaxExpandedBytes { get; set; } = 100 * 1024 * 1024;
}

internal static class ImportSetup
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxBytes > 0, "Import:MaxBytes must be positive")
            .Validate(o => o.MaxFiles > 0, "Import:MaxFiles must be positive")
            .Validate(o => o.MaxExpandedBytes > 0, "Import:MaxExpandedBytes must be positive")
            .ValidateOnStart();
        return services;
    }
}
