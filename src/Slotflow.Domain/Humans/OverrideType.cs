namespace Slotflow.Domain.Humans;

public enum OverrideType
{
    /// <summary>Time taken away: nothing can be booked in it, whatever else is open.</summary>
    Block,

    /// <summary>Extra bookable time, beside or outside the working hours.</summary>
    Open,
}
