using Microsoft.Extensions.Options;

namespace Notes.Api.Features.Notes;

internal sealed class NotesOptions
{
    public const string Section = "Notes";

    /// <summary>How many notes one user may keep: a bound on what one account can make the database hold.</summary>
    public int MaxNotesPerUser { get; set; } = 10_000;

    /// <summary>How long a note stays in the trash before the trash deletes it for good.</summary>
    public TimeSpan TrashRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many revisions one note keeps, the newest: a bound on what one note's history makes the database hold.</summary>
    public int MaxRevisionsPerNote { get; set; } = 100;
}

internal static class NotesSetup
{
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddOptions<NotesOptions>()
            .BindConfiguration(NotesOptions.Section)
            .Validate(o => o.MaxNotesPerUser > 0, "Notes:MaxNotesPerUser must be positive")
            .Validate(o => o.TrashRetention > TimeSpan.Zero, "Notes:TrashRetention must be a positive time span, such as 30.00:00:00")
            .Validate(o => o.MaxRevisionsPerNote is >= 1 and <= 1000, "Notes:MaxRevisionsPerNote must be between 1 and 1000")
            .ValidateOnStart();
        services.AddHostedService<StoredNotesUpgrade>();
        services.AddHostedService<TrashPurge>();
        return services;
    }
}
