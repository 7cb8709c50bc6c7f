using Match.Eval;

return await EvalCommand.RunAsync(args, Console.Out, Console.Error);
