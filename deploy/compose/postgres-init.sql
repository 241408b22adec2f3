-- One database per service, as on the machine the run command uses.
create database intake;
create database recovery;
create database notification;
create database review;
