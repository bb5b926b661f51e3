using Zxcvbn.Matcher;

namespace Notes.Api.Features.Auth;

/// <summary>
/// Refuses passwords that are easy to guess, by zxcvbn's estimate of how long an attacker would take: common passwords,
/// keyboard rows, sequences, repeats, dates, and the username itself. Length alone says little ("aaaaaaaaaa"). A new password
/// meets it wherever one is chosen: at registration and on a password change.
/// </summary>
internal static class PasswordStrength
{
    /// <summary>
    /// The rule for a new password: 8-128 characters, judged exactly as typed (never trimmed or case-folded), and hard to guess with
    /// the account's username counted, judged only once its length is known to be sane.
    /// </summary>
    public static void MustBeHardToGuess<T>(this IRuleBuilderInitial<T, string> rule, Func<T, string> usernameOf) =>
        rule.Cascade(CascadeMode.Stop)
            .Length(8, 128)
            .WithMessage("Password must be 8-128 characters.")
            .Custom((password, context) =>
            {
                if (Weakness(password, usernameOf(context.InstanceToValidate)) is { } weakness)
                    context.AddFailure(weakness);
            });

    /// <summary>On zxcvbn's 0-4 scale, 3 and up means it estimates at least 10^6 seconds (about 12 days) to guess.</summary>
    public const int MinScore = 3;

    // Its word lists are built once; after that it only reads them, so one instance serves every request.
    static readonly Zxcvbn.Zxcvbn Estimator = new(new WordMatchers());

    /// <summary>Why the password is too easy to guess, in words for the person choosing it; null when it is strong enough.</summary>
    /// <remarks>
    /// The cost grows with the square of the length: measured here at about 6 ms for 32 characters and up to 300 ms for 128, the most
    /// the validator lets through (it checks the length first). That stays below the bcrypt hash every sign-in attempt pays.
    /// </remarks>
    public static string? Weakness(string password, string username)
    {
        var result = Estimator.EvaluatePassword(password, [username]);
        if (result.Score >= MinScore)
            return null;

        var warning = Warning(result.MatchSequence);
        return $"This password is too easy to guess.{(warning is null ? "" : " " + warning)} Add another word or two: uncommon words are best.";
    }

    /// <summary>
    /// The pattern that gives the password away (this zxcvbn port scores but does not explain): the username first,
    /// otherwise the pattern covering the most characters.
    /// </summary>
    static string? Warning(IEnumerable<Zxcvbn.Match> matches)
    {
        var found = matches.Where(m => m.Pattern != "bruteforce").ToList();
        if (found.Any(m => m is DictionaryMatch { DictionaryName: "user_inputs" }))
            return "It contains your username.";

        return found.MaxBy(m => m.j - m.i) switch
        {
            L33tDictionaryMatch => "Swapping letters for look-alike symbols (like @ for a) does not fool anyone.",
            DictionaryMatch { DictionaryName: "passwords" } => "It is, or contains, one of the most common passwords.",
            DictionaryMatch { DictionaryName: "male_names" or "female_names" or "surnames" } => "Names are easy to guess.",
            DictionaryMatch => "A common word on its own is easy to guess.",
            RepeatMatch => "Repeated characters like \"aaa\" are easy to guess.",
            SequenceMatch => "Sequences like \"abc\" or \"6543\" are easy to guess.",
            SpatialMatch => "Rows of neighbouring keys like \"qwerty\" are easy to guess.",
            DateMatch or { Pattern: "year" } => "Dates and years are easy to guess.",
            { Pattern: "digits" } => "Runs of digits are easy to guess.",
            _ => null,
        };
    }
}
