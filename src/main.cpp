// Placeholder entry point until the composition root lands (src/app/).
int main() { return 0; }
