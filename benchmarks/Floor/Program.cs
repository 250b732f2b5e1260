Console.WriteLine("4.21.1");
