# found by fuzzing: a failing second parse of a bad comprehension target was a NULL dereference
{x for(i for k in())i(