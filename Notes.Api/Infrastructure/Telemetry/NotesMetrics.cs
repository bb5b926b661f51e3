using System.Diagnostics.Metrics;

namespace Notes.Api.Infrastructure.Telemetry;

/// <summary>
/// The app's own counters, on one meter (<see cref="MeterName"/>): sign-ins by outcome, refusals by problem code, throttles by
/// limit, notes created. With no listener (telemetry off) adding to a counter does nothing but check for one.
/// </summary>
internal sealed class NotesMetrics
{
    public const string MeterName = "NotesSlices";

    readonly Counter<long> _signIns;
    readonly Counter<long> _refusals;
    readonly Counter<long> _throttles;
    readonly Counter<long> _notesCreated;

    public NotesMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("notesslices.sign_ins", "{sign-in}", "Sign-ins, by outcome (succeeded, failed).");
        _refusals = meter.CreateCounter<long>("notesslices.refusals", "{response}", "Problem answers, by their code (a wrong password, a stale version, the database away...).");
        _throttles = meter.CreateCounter<long>("notesslices.throttles", "{request}", "Requests refused by a limit, by limit (sign_in, registration).");
        _notesCreated = meter.CreateCounter<long>("notesslices.notes.created", "{note}", "Notes added (a repeated Idempotency-Key adds none).");
    }

    public void SignIn(bool succeeded) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Throttled(string limit) => _throttles.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void NoteCreated() => _notesCreated.Add(1);
}
