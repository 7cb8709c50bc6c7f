namespace Match.Data;

/// <summary>A write clashed with existing data (e.g. a duplicate external id); the API answers 409.</summary>
public sealed class ConflictException(string message, Exception? innerException = null) : Exception(message, innerException);
