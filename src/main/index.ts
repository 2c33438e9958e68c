// The Electron entry point; everything it starts lives in ./app.
import './app/main';
