System.Console.WriteLine("sefdata");
