Console.WriteLine(Environment.CurrentDirectory);
