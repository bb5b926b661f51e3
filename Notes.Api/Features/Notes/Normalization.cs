using System.Text;

namespace Notes.Api.Features.Notes;

/// <summary>
/// Unicode normalisation that takes any text a client sends: .NET refuses to normalise one holding a noncharacter (U+FFFE) or a
/// lone surrogate, which ended in a 500. Such text is kept as it is: it is never a tag (<see cref="Tag.Flaw"/> refuses both), and
/// searched or stored it is matched as it came.
/// </summary>
internal static class Normalization
{
    public static string NormalizeOrKeep(this string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
