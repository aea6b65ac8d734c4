// The business-model seam (scorers, requests, serving history) is the language every serving area speaks.
global using EAmazing.Models.Business;
