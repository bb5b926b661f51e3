using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace Notes.Api.Infrastructure.Auth;

/// <summary>How a second step was proved, if it was.</summary>
internal enum SecondStep
{
    Refused,
    Totp,
    RecoveryCode,
}

/// <summary>
/// The codes of two-step sign-in: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of drift either way, time from the
/// injected clock) and recovery codes. Each code is spent with a compare-and-set on the user, so a code is accepted once, however
/// many requests race with it.
/// </summary>
internal sealed class TwoFactorCodes(IMongoCollection<User> users, TwoFactorSecrets secrets, TimeProvider clock)
{
    public const int SecretBytes = 20; // 160 bits, as RFC 4226 recommends
    public const int RecoveryCodeCount = 10;

    // Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand cannot be misread.
    const string RecoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    const int RecoveryHalf = 5;

    static readonly VerificationWindow OneStepEitherWay = new(previous: 1, future: 1);

    // Stored element names (camelCase by convention), for the updates of one member of the embedded TwoFactor.
    const string TwoFactorField = "twoFactor";
    const string LastUsedStepField = TwoFactorField + ".lastUsedStep";
    const string RecoveryCodesField = TwoFactorField + ".recoveryCodes";

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    /// <summary>The time step the code is valid for now, or null when it is not a current TOTP code for the secret.</summary>
    public long? CurrentStep(byte[] secret, string code)
    {
        var digits = Normalized(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return null;
        return new Totp(secret).VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, OneStepEitherWay) ? step : null;
    }

    /// <summary>
    /// Ten new recovery codes (<c>xxxxx-xxxxx</c>, 50 random bits each), to show once, and the keyed hashes to store. A fast hash is
    /// enough for codes this random: unlike a password, there is no likely guess to try first, and with the key (the user's TOTP
    /// secret, itself encrypted) an offline guess needs the Data Protection key ring as well, which would give the TOTP secret anyway.
    /// </summary>
    public static (string[] Codes, Dictionary<string, bool> Hashes) NewRecoveryCodes(byte[] secret)
    {
        var codes = Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => $"{RandomNumberGenerator.GetString(RecoveryAlphabet, RecoveryHalf)}-{RandomNumberGenerator.GetString(RecoveryAlphabet, RecoveryHalf)}")
            .ToArray();
        return (codes, codes.ToDictionary(c => HashOf(secret, c), _ => true));
    }

    /// <summary>
    /// Proves the second step with a current TOTP code not accepted before, or an unspent recovery code, which is then spent.
    /// Either is a compare-and-set against the stored two-step state, so of two requests with one code, only one gets in.
    /// </summary>
    public async Task<SecondStep> SpendAsync(string userId, TwoFactor twoFactor, string code, CancellationToken ct)
    {
        var secret = secrets.Unprotect(twoFactor.Secret);
        var filter = Builders<User>.Filter;
        var ofThisSecret = filter.Eq(u => u.Id, userId) & filter.Eq(u => u.TwoFactor!.Secret, twoFactor.Secret);

        // An update of many (of one, by id): the embedded engine checks the filter in the same step as it writes only there.
        if (CurrentStep(secret, code) is { } step)
            return (await users.UpdateManyAsync(
                    ofThisSecret & filter.Lt(LastUsedStepField, step),
                    Builders<User>.Update.Set(LastUsedStepField, step), cancellationToken: ct)).MatchedCount == 1
                ? SecondStep.Totp
                : SecondStep.Refused;

        if (!IsRecoveryCodeShaped(code))
            return SecondStep.Refused;
        var key = $"{RecoveryCodesField}.{HashOf(secret, code)}";
        return (await users.UpdateManyAsync(ofThisSecret & filter.Exists(key), Builders<User>.Update.Unset(key), cancellationToken: ct)).MatchedCount == 1
            ? SecondStep.RecoveryCode
            : SecondStep.Refused;
    }

    /// <summary>HMAC-SHA256 of the code as typed in any case, with or without its dash or spaces, keyed by the TOTP secret.</summary>
    static string HashOf(byte[] secret, string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(Normalized(code).ToLowerInvariant())));

    static bool IsRecoveryCodeShaped(string code)
    {
        var normalized = Normalized(code).ToLowerInvariant();
        return normalized.Length == 2 * RecoveryHalf && normalized.All(RecoveryAlphabet.Contains);
    }

    /// <summary>A code as typed, less the spaces and dashes people put in to read it.</summary>
    static string Normalized(string code) => string.Concat(code.Where(c => c is not (' ' or '-')));
}
