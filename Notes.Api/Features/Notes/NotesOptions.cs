using Microsoft.Extensions.Options;

namespace Notes.Api.Features.Notes;

internal sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>How many notes one user may keep: a bound on what one account can make the database hold.</summary>
    public int MaxNotesPerUser { get; set; } = 10_000;
}

internal static class NotesSetup
{
    public static IServiceCollection AddNotesOptions(this IServiceCollection services)
    {
        services.AddOptions<NotesOptions>()
            .BindConfiguration(NotesOptions.Section)
            .Validate(o => o.MaxNotesPerUser > 0, "Notes:MaxNotesPerUser must be positive")
            .ValidateOnStart();
        return services;
    }
}
