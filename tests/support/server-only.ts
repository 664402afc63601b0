// Stand-in for the 'server-only' guard outside Next's react-server bundles (tests).
export {};
