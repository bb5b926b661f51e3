namespace Notes.Api.Entities;

/// <summary>A user's two-step sign-in once it is on: the TOTP secret, the last time step a code was accepted for, and the recovery codes left.</summary>
internal sealed class TwoFactor
{
    /// <summary>The TOTP secret (RFC 6238), encrypted with Data Protection: never stored, logged or answered in plain text.</summary>
    public required string Secret { get; init; }

    /// <summary>The time step of the last accepted code: a code is accepted only for a later step, so none is accepted twice.</summary>
    public long LastUsedStep { get; init; }

    /// <summary>
    /// The unspent recovery codes, by their keyed hash; the value means nothing. A map rather than a list, so spending one is an
    /// $unset of its own key guarded by its existence: a compare-and-set per code, and two codes spent at once never meet.
    /// </summary>
    public Dictionary<string, bool> RecoveryCodes { get; init; } = [];
}
