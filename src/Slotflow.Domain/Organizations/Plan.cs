namespace Slotflow.Domain.Organizations;

public enum Plan
{
    Free,
    Starter,
    Growth,
}
