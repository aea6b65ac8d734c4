namespace EAmazing.Lake;

/// <summary>Why a row was rejected. Stored by name in the quarantine table; names are stable.</summary>
public enum QuarantineReason
{
    WrongColumnCount,
    TruncatedRow,
    InvalidEncoding,
    EventTimeMissing,
    EventTimeMalformed,
    EventTimeOutOfRange,
    EventTypeMissing,
    EventTypeUnknown,
    ProductIdMissing,
    ProductIdMalformed,
    ProductIdOutOfRange,
    CategoryIdMissing,
    CategoryIdMalformed,
    CategoryIdOutOfRange,
    PriceMissing,
    PriceMalformed,
    PriceOutOfRange,
    UserIdMissing,
    UserIdMalformed,
    UserIdOutOfRange,
    UserSessionMalformed,
    ControlCharacter,
    TextTooLong,
}
